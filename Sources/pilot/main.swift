import Foundation
import Platform
import Tensors

// Before any kernel runs: a release build's kernels need the CPU features they were compiled for.
if let problem = CPUFeatures.unmetRequirement() {
    FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
    exit(1)
}
// OpenBLAS reads its core type when it loads, so the fix must re-execute before anything else.
Runtime.reexecWithBLASEnvironmentIfNeeded()
PilotCommand.main()
