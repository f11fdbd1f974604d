/// The location of a NaN or infinity in a client's update.
public struct NonFiniteValue: Equatable, CustomStringConvertible {
    /// Which kind of non-finite number was found.
    public enum Kind: String, Equatable {
        case nan
        case positiveInfinity = "+inf"
        case negativeInfinity = "-inf"

        /// The kind of `value`, or nil when it is finite.
        public init?(_ value: Float) {
            if value.isNaN { self = .nan }
            else if value == .infinity { self = .positiveInfinity }
            else if value == -.infinity { self = .negativeInfinity }
            else { return nil }
        }
    }

    /// The client that sent the value.
    public var client: Int
    /// The tensor holding it.
    public var name: String
    /// Its flat row-major index in the tensor.
    public var index: Int
    /// NaN, +inf or -inf.
    public var kind: Kind

    /// A non-finite `kind` at flat `index` of tensor `name` from `client`.
    public init(client: Int, name: String, index: Int, kind: Kind) {
        self.client = client
        self.name = name
        self.index = index
        self.kind = kind
    }

    /// One line naming client, tensor and element, fit to stop a run with.
    public var description: String {
        "client \(client) sent a non-finite value (\(kind.rawValue)) in tensor '\(name)' at element \(index)"
    }
}
