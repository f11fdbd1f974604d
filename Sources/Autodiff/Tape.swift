import Dispatch
import Tensors

/// Records the backward step of every op whose output needs a gradient, and replays them in reverse.
///
/// One tape serves one forward/backward pass. Ops whose inputs need no gradient record nothing,
/// so a frozen sub-network under a trainable adapter costs no backward work at all. An inference tape
/// records nothing even then (PyTorch's `no_grad`): no output requires a gradient, so each intermediate is
/// freed as soon as no later op reads it instead of living until the tape does.
public final class Tape {
    private var outputs: [Variable] = []
    private var steps: [() -> Void] = []
    private var stepNames: [String] = []
    /// When set, forward and backward time is attributed to op names here.
    public var profile: OpProfile?
    private var lastRecord = DispatchTime.now().uptimeNanoseconds
    /// False for an inference tape.
    public let recordsBackward: Bool

    /// A tape for a forward pass to back-propagate through, or, with `inference`, for one that will not be.
    public init(inference: Bool = false) {
        recordsBackward = !inference
    }

    /// Number of recorded backward steps.
    public var recordedCount: Int { steps.count }

    /// Makes the output variable of an op; records `backward` when any input needs a gradient.
    ///
    /// `backward` runs only if the output received a gradient; it reads `output.grad` and adds into
    /// the inputs' gradients.
    @inline(__always)
    public func record(_ value: Tensor, inputs: [Variable], op: String = #function,
                       backward: (Variable) -> (() -> Void)) -> Variable {
        let needs = recordsBackward && inputs.contains { $0.requiresGrad }
        let out = Variable(computed: value, requiresGrad: needs)
        if needs {
            outputs.append(out)
            steps.append(backward(out))
            stepNames.append(op)
        }
        if let profile {
            let now = DispatchTime.now().uptimeNanoseconds
            profile.add(op, forward: now - lastRecord)
            lastRecord = now
        }
        return out
    }

    /// Back-propagates from a one-element `loss` (seeded with `seed`), then clears the tape.
    ///
    /// Gradients accumulate into leaves (call `zeroGrad` between optimiser steps); gradients of
    /// intermediate variables are released as soon as they have been used.
    public func backward(_ loss: Variable, seed: Float = 1) {
        precondition(loss.value.count == 1, "backward from a loss with \(loss.value.count) elements; pass a seed tensor")
        backward(loss, seed: Tensor(repeating: seed, shape: loss.shape))
    }

    /// Back-propagates from `output` with the given output gradient, then clears the tape.
    public func backward(_ output: Variable, seed: Tensor) {
        precondition(seed.shape == output.shape, "seed shape \(seed.shape) for output \(output.shape)")
        guard output.requiresGrad else { reset(); return }
        output.accumulateGrad { dst, acc in
            seed.withUnsafePointer { s in
                for i in 0..<seed.count { dst[i] = acc ? dst[i] + s[i] : s[i] }
            }
        }
        for i in stride(from: steps.count - 1, through: 0, by: -1) {
            let out = outputs[i]
            let start = profile == nil ? 0 : DispatchTime.now().uptimeNanoseconds
            if out.grad != nil { steps[i]() }
            if !out.isLeaf { out.grad = nil }
            profile?.add(stepNames[i], backward: DispatchTime.now().uptimeNanoseconds - start)
        }
        reset()
    }

    /// Drops every recorded step without running it.
    public func reset() {
        steps.removeAll(keepingCapacity: true)
        outputs.removeAll(keepingCapacity: true)
        stepNames.removeAll(keepingCapacity: true)
    }
}
