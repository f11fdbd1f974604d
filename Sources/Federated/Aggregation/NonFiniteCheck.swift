import Tensors

/// Finds the first NaN or infinity in client updates, so the round loop can stop a run that diverged.
public enum NonFiniteCheck {
    /// The first non-finite element of `update`, visiting tensors in sorted name order and elements in row-major order.
    public static func firstNonFinite(in update: ClientUpdate) -> NonFiniteValue? {
        for name in update.parameters.keys.sorted() {
            let tensor = update.parameters[name]!
            let found: (Int, NonFiniteValue.Kind)? = tensor.withUnsafePointer { p in
                for i in 0..<tensor.count where !p[i].isFinite {
                    return (i, NonFiniteValue.Kind(p[i])!)
                }
                return nil
            }
            if let (index, kind) = found {
                return NonFiniteValue(client: update.client, name: name, index: index, kind: kind)
            }
        }
        return nil
    }

    /// The first non-finite element over all `updates`, visiting clients in increasing index.
    public static func firstNonFinite(in updates: [ClientUpdate]) -> NonFiniteValue? {
        for update in updates.sorted(by: { $0.client < $1.client }) {
            if let found = firstNonFinite(in: update) { return found }
        }
        return nil
    }

    /// Throws `AggregationError.nonFinite` naming the first non-finite element over `updates`.
    public static func check(_ updates: [ClientUpdate]) throws {
        if let found = firstNonFinite(in: updates) { throw AggregationError.nonFinite(found) }
    }
}
