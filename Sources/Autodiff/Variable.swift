import Tensors

/// A node of the computation: a value, and the gradient of the loss with respect to it once
/// `Tape.backward` has run.
///
/// Leaves are made by the user (inputs and parameters); every other variable is the output of an
/// op recorded on a `Tape`. A variable that does not require a gradient never gets one, and no
/// op records backward work for it.
public final class Variable {
    /// The forward value. Optimisers update a parameter's value in place between steps.
    public var value: Tensor
    /// ∂loss/∂value, or nil before backward (and for variables that need no gradient).
    public internal(set) var grad: Tensor?
    /// Whether gradients flow to (and through) this variable; settable on leaves with `setTrainable`.
    public private(set) var requiresGrad: Bool
    /// Whether the user made this variable (rather than an op).
    public let isLeaf: Bool

    /// A leaf: an input (no gradient) or a trainable parameter (`requiresGrad: true`).
    public init(_ value: Tensor, requiresGrad: Bool = false) {
        self.value = value
        self.requiresGrad = requiresGrad
        self.isLeaf = true
    }

    /// The output of an op.
    init(computed value: Tensor, requiresGrad: Bool) {
        self.value = value
        self.requiresGrad = requiresGrad
        self.isLeaf = false
    }

    /// Freezes (false) or unfreezes (true) a leaf parameter.
    public func setTrainable(_ trainable: Bool) {
        precondition(isLeaf, "only leaves can be frozen or unfrozen")
        requiresGrad = trainable
        if !trainable { grad = nil }
    }

    public var shape: [Int] { value.shape }

    /// Forgets the gradient (before the next accumulation window).
    public func zeroGrad() { grad = nil }

    /// Replaces the gradient (for optimisers that rescale it, and for tests).
    public func setGrad(_ g: Tensor?) {
        if let g { precondition(g.shape == value.shape, "gradient shape \(g.shape) for value \(value.shape)") }
        grad = g
    }

    /// Calls `body(buffer, accumulate)` to add a contribution to the gradient: with `accumulate`
    /// false the buffer is fresh and must be fully written; with true it holds the running sum.
    @inline(__always)
    func accumulateGrad(_ body: (UnsafeMutablePointer<Float>, Bool) -> Void) {
        if grad == nil {
            var g = Tensor(uninitialized: value.shape)
            g.withUnsafeMutablePointer { body($0, false) }
            grad = g
        } else {
            grad!.withUnsafeMutablePointer { body($0, true) }
        }
    }

    /// Adds `g` (this variable's shape) to the gradient. The first contribution shares `g`'s storage instead of
    /// copying it (copy on write: a later contribution copies before adding), so a pass-through gradient (a
    /// sum's, a residual's) costs no pass over memory; the sums are the same floats as with a copy.
    func accumulateGrad(sharing g: Tensor) {
        precondition(g.shape == value.shape, "gradient shape \(g.shape) for value \(value.shape)")
        guard grad != nil else { grad = g; return }
        g.withUnsafePointer { gp in grad!.withUnsafeMutablePointer { Elementwise.scale(gp, by: 1, $0, count: g.count, accumulate: true) } }
    }

    /// The gradient buffer (zero-filled when new) for kernels that only add, or nil when this
    /// variable needs no gradient.
    @inline(__always)
    func withAddableGrad<R>(_ body: (UnsafeMutablePointer<Float>?) -> R) -> R {
        guard requiresGrad else { return body(nil) }
        if grad == nil { grad = Tensor(zeros: value.shape) }
        return grad!.withUnsafeMutablePointer { body($0) }
    }

    /// Like `accumulateGrad`, but calls `body(nil, false)` when this variable needs no gradient.
    @inline(__always)
    func withOptionalGrad(_ body: (UnsafeMutablePointer<Float>?, Bool) -> Void) {
        if requiresGrad { accumulateGrad { body($0, $1) } } else { body(nil, false) }
    }

    /// The gradient buffer, zero-filled when new, for kernels that only know how to add.
    @inline(__always)
    func addIntoGrad(_ body: (UnsafeMutablePointer<Float>) -> Void) {
        if grad == nil { grad = Tensor(zeros: value.shape) }
        grad!.withUnsafeMutablePointer { body($0) }
    }
}
