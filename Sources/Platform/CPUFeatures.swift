import Foundation

/// The CPU's feature flags, and those the release build's kernels were compiled to use.
///
/// On x86-64 the release build compiles the kernel modules for Haswell (AVX2, 2013 and later;
/// Package.swift) and the program checks for those features before any kernel runs, so an older
/// CPU gets one line instead of an illegal-instruction crash. This module itself is compiled for
/// the baseline, so the check runs everywhere.
public enum CPUFeatures {
    /// The feature flags of the first CPU in `/proc/cpuinfo` (empty where there is none).
    public static func flags(cpuinfo: String? = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) -> Set<String> {
        guard let text = cpuinfo else { return [] }
        for line in text.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
        return []
    }

    /// The features (as /proc/cpuinfo names them) the kernels of this build use beyond the baseline.
    public static var kernelRequirement: [String] {
        #if KERNELS_FOR_HASWELL
        return ["avx", "avx2", "fma", "f16c", "bmi1", "bmi2", "movbe", "popcnt"]
        #else
        return []
        #endif
    }

    /// One line saying which required features `flags` lacks, or nil when it has them all (or when
    /// `flags` is empty: a system without /proc/cpuinfo is not judged).
    public static func unmetRequirement(_ required: [String] = kernelRequirement, flags: Set<String> = flags()) -> String? {
        let missing = required.filter { !flags.contains($0) }
        guard !flags.isEmpty, !missing.isEmpty else { return nil }
        return "this build's kernels need a CPU with \(required.joined(separator: ", ")) (Haswell or later); "
            + "this one lacks \(missing.joined(separator: ", ")) (set `kernelCPU` in Package.swift to [] and rebuild)"
    }
}
