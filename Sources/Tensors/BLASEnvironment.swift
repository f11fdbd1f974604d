import Foundation

/// Decides whether OpenBLAS picked the wrong kernels for this CPU, and which environment fixes it.
///
/// Debian's OpenBLAS 0.3.21 does not recognise some recent CPUs and falls back to its Prescott
/// kernels (about a fifth of the speed); on AVX-512 CPUs the family is also pinned so that hosts
/// with the same flags compute the same numbers (`recommendedCoreType`). The core type can only be
/// forced through the environment *before the library loads*, so a program that finds the wrong
/// kernels re-executes itself with `OPENBLAS_CORETYPE` set (see `Runtime.reexecWithBLASEnvironmentIfNeeded`).
public enum BLASEnvironment {
    /// Environment variable that forces OpenBLAS's kernel family.
    public static let coreTypeVariable = "OPENBLAS_CORETYPE"
    /// Environment variable that stops idle OpenBLAS worker threads from spinning.
    public static let threadTimeoutVariable = "OPENBLAS_THREAD_TIMEOUT"
    /// Set in a re-executed child so that it never re-executes again.
    public static let reexecMarkerVariable = "PILOT_BLAS_REEXEC"
    /// Thread time-out (in 2^n cycles, OpenBLAS's unit) that we ask for: short enough not to burn a core between calls.
    public static let threadTimeout = "4"

    /// Kernel families OpenBLAS falls back to on a CPU it does not know.
    static let fallbackCores: Set<String> = ["Prescott", "Core2", "Penryn", "Katmai", "Coppermine", "Northwood", "Banias", "Atom", "Nehalem", "Dunnington"]

    /// The core type to force, or nil when the chosen one is right.
    ///
    /// On AVX-512 CPUs the family follows from the CPU's flags alone (Cooperlake with bf16, else
    /// SkylakeX), not from what OpenBLAS recognised: the families run equally fast here but block
    /// their products differently, so they round differently, and a base trained on a host where
    /// OpenBLAS knew the CPU (Cooperlake) differed from one trained where it did not (Prescott, forced
    /// to SkylakeX) in every tensor. Same flags, same kernels, same numbers.
    ///
    /// - Parameters:
    ///   - cpuFlags: the CPU's feature flags (from /proc/cpuinfo).
    ///   - chosenCore: the family OpenBLAS chose (`BLAS.coreName`).
    public static func recommendedCoreType(cpuFlags: Set<String>, chosenCore: String) -> String? {
        if cpuFlags.contains("avx512f") && cpuFlags.contains("avx512bw") && cpuFlags.contains("avx512vl") {
            let wanted = cpuFlags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX"
            return chosenCore == wanted ? nil : wanted
        }
        if cpuFlags.contains("avx2") && cpuFlags.contains("fma") && fallbackCores.contains(chosenCore) {
            return "Haswell"
        }
        return nil
    }

    /// The variables to add to `environment` for a re-execution, or nil when none is needed.
    ///
    /// A re-execution is needed when OpenBLAS chose other kernels than `recommendedCoreType` (and
    /// the user did not choose a core type), or when no thread time-out is set: OpenBLAS's worker
    /// threads otherwise spin for ~0.1 s after every call and steal a core from the element-wise kernels.
    public static func correction(environment: [String: String], cpuFlags: Set<String>,
                                  chosenCore: String) -> [String: String]? {
        guard environment[reexecMarkerVariable] == nil else { return nil }
        var extra: [String: String] = [:]
        if environment[coreTypeVariable] == nil, let core = recommendedCoreType(cpuFlags: cpuFlags, chosenCore: chosenCore) {
            extra[coreTypeVariable] = core
        }
        if environment[threadTimeoutVariable] == nil { extra[threadTimeoutVariable] = threadTimeout }
        guard !extra.isEmpty else { return nil }
        extra[reexecMarkerVariable] = "1"
        return extra
    }
}
