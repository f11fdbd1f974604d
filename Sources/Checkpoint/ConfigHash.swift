import Foundation

/// A stable short name for a configuration: FNV-1a (64 bit) of its JSON with sorted keys.
///
/// Equal configurations hash equally on every machine and in every process (unlike `Hasher`,
/// which is seeded per process), so the hash can name files and find finished runs. Configurations
/// must not hold a `Set` or a `Dictionary` with non-string keys: those encode in per-process order.
public enum ConfigHash {
    /// The configuration's JSON with sorted keys (what the hash is taken of and what files record).
    public static func canonicalJSON<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// 16 hex digits.
    public static func of<T: Encodable>(_ value: T) throws -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in try canonicalJSON(value).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
