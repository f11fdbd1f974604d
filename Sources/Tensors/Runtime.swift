import Foundation

/// Process-wide compute set-up: the OpenBLAS core-type fix and the thread count.
public enum Runtime {
    /// Re-executes this program with the OpenBLAS environment fixed, when OpenBLAS chose slow kernels.
    ///
    /// Returns only when no re-execution is needed (or it failed, in which case a warning is
    /// printed and the program goes on with the slow kernels). Call it first thing in `main`.
    public static func reexecIfBLASIsSlow(arguments: [String] = CommandLine.arguments) {
        let env = ProcessInfo.processInfo.environment
        guard let extra = BLASEnvironment.correction(environment: env, cpuFlags: BLASEnvironment.cpuFlags(),
                                                     chosenCore: BLAS.coreName) else { return }
        for (name, value) in extra { setenv(name, value, 1) }
        let argv = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", argv)
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("warning: could not re-execute with \(extra) (\(reason)); OpenBLAS keeps its \(BLAS.coreName) kernels\n".utf8))
    }

    /// Sets the number of compute threads; OpenBLAS itself runs single-threaded and `BLAS.gemm` splits work across them.
    public static func configure(threads: Int) {
        Parallel.threadCount = max(1, threads)
        BLAS.threading = BLAS.threading
    }

    /// One line describing the compute set-up, for logs and benchmark headers.
    public static var summary: String {
        let env = ProcessInfo.processInfo.environment
        return "OpenBLAS core \(BLAS.coreName), \(Parallel.threadCount) thread(s), GEMM threading: \(BLAS.threading.rawValue)"
            + [BLASEnvironment.coreTypeVariable, BLASEnvironment.threadTimeoutVariable]
                .compactMap { name in env[name].map { ", \(name)=\($0)" } }.joined()
    }
}
