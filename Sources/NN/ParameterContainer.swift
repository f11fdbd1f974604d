import Autodiff
import Tensors

/// Something that owns named parameters, possibly through children (a layer, a block, a model).
///
/// Names are dot-separated paths (`q.lora_A`, `layers.0.attn_norm`); the federated layer and the
/// HDF5 store address parameter sets by these names and their prefixes.
public protocol ParameterContainer {
    /// Calls `visit` with every parameter's name (relative to this container) and variable, in a fixed order.
    func visitParameters(_ visit: (String, Variable) -> Void)
}

extension ParameterContainer {
    /// Every parameter with its full name under `prefix`.
    public func namedParameters(prefix: String = "") -> [(name: String, variable: Variable)] {
        var out: [(String, Variable)] = []
        visitParameters { out.append((prefix.isEmpty ? $0 : prefix + "." + $0, $1)) }
        return out
    }

    /// The parameters that currently require gradients.
    public func trainableParameters(prefix: String = "") -> [(name: String, variable: Variable)] {
        namedParameters(prefix: prefix).filter { $0.variable.requiresGrad }
    }

    /// Number of scalars in all parameters.
    public var parameterCount: Int { namedParameters().reduce(0) { $0 + $1.variable.value.count } }

    /// Copies values from `tensors` by name (names relative to this container, under `prefix`).
    ///
    /// Throws when a parameter is missing or has another shape; `allowMissing` skips absent names,
    /// `skipping` leaves the parameters whose names it accepts as they are.
    public func load(_ tensors: [String: Tensor], prefix: String = "", allowMissing: Bool = false,
                     skipping: (String) -> Bool = { _ in false }) throws {
        for (name, v) in namedParameters(prefix: prefix) where !skipping(name) {
            guard let t = tensors[name] else {
                if allowMissing { continue }
                throw ParameterError.missing(name)
            }
            guard t.shape == v.value.shape else { throw ParameterError.shapeMismatch(name, expected: v.value.shape, found: t.shape) }
            v.value = t
        }
    }

    /// The current values by full name.
    public func parameterValues(prefix: String = "") -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: namedParameters(prefix: prefix).map { ($0.name, $0.variable.value) })
    }

    /// Freezes or unfreezes every parameter.
    public func setTrainable(_ trainable: Bool) {
        visitParameters { $1.setTrainable(trainable) }
    }

    public func zeroGradients() { visitParameters { $1.zeroGrad() } }
}

/// Why a set of named tensors could not be loaded into parameters.
public enum ParameterError: Error, CustomStringConvertible, Equatable {
    /// No tensor of this name.
    case missing(String)
    /// The tensor's shape differs from the parameter's.
    case shapeMismatch(String, expected: [Int], found: [Int])

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .missing(let n): return "parameter '\(n)' is missing"
        case let .shapeMismatch(n, e, f): return "parameter '\(n)' has shape \(f), expected \(e)"
        }
    }
}
