import CMalloc
import Foundation
import Platform

/// Process-wide compute set-up: the OpenBLAS core-type fix and the thread count.
public enum Runtime {
    /// Re-executes this program with the OpenBLAS environment fixed, when OpenBLAS chose slow (or, on
    /// AVX-512, other than the pinned) kernels or no thread time-out is set.
    ///
    /// Returns only when no re-execution is needed (or it failed, in which case a warning is
    /// printed and the program goes on with the slow kernels). Call it first thing in `main`.
    public static func reexecWithBLASEnvironmentIfNeeded(arguments: [String] = CommandLine.arguments) {
        let env = ProcessInfo.processInfo.environment
        guard let extra = BLASEnvironment.correction(environment: env, cpuFlags: CPUFeatures.flags(),
                                                     chosenCore: BLAS.coreName) else { return }
        for (name, value) in extra { setenv(name, value, 1) }
        let argv = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", argv)
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("warning: could not re-execute with \(extra) (\(reason)); OpenBLAS keeps its \(BLAS.coreName) kernels\n".utf8))
    }

    /// Sets the number of compute threads; OpenBLAS itself runs single-threaded and `BLAS.gemm` splits work across them.
    ///
    /// Also keeps freed tensor memory in the process: glibc otherwise serves every tensor of more
    /// than a few hundred kB with a fresh mmap and returns it on free, so each training step
    /// page-faults its activations in again.
    public static func configure(threads: Int) {
        _ = retainFreedMemory
        Parallel.threadCount = max(1, threads)
        BLAS.applyThreading()
    }

    /// Raises glibc's mmap and trim thresholds once (1 GiB and 4 GiB).
    static let retainFreedMemory: Void = {
        #if os(Linux)
        mallopt(M_MMAP_THRESHOLD, 1 << 30)
        mallopt(M_TRIM_THRESHOLD, Int32.max)
        mallopt(M_TOP_PAD, 64 << 20)
        #endif
    }()

    /// One line describing the compute set-up, for logs and benchmark headers.
    public static var summary: String {
        let env = ProcessInfo.processInfo.environment
        return "OpenBLAS core \(BLAS.coreName), \(Parallel.threadCount) thread(s), GEMM threading: \(BLAS.threading.rawValue)"
            + [BLASEnvironment.coreTypeVariable, BLASEnvironment.threadTimeoutVariable]
                .compactMap { name in env[name].map { ", \(name)=\($0)" } }.joined()
    }
}
