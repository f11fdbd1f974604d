import Foundation
import Tensors

/// What one HDF5 file holds: named tensors (slash-separated names become groups) and root attributes.
public struct TensorArchive: Equatable {
    /// Tensors by hierarchical name, e.g. `round_1/client_3/connector.task.fc1.weight`.
    public var tensors: [String: Tensor]
    /// Attributes of the file's root group.
    public var attributes: [String: AttributeValue]

    public init(tensors: [String: Tensor] = [:], attributes: [String: AttributeValue] = [:]) {
        self.tensors = tensors
        self.attributes = attributes
    }

    /// Stores `value` as a JSON string attribute.
    public mutating func setJSON<T: Encodable>(_ value: T, for name: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        attributes[name] = .string(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Decodes a JSON string attribute; nil when absent.
    public func json<T: Decodable>(_ type: T.Type, for name: String) throws -> T? {
        guard let text = attributes[name]?.stringValue else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// The tensors whose names start with `prefix/`, with the prefix removed.
    public func tensors(under prefix: String) -> [String: Tensor] {
        let p = prefix.hasSuffix("/") ? prefix : prefix + "/"
        return Dictionary(uniqueKeysWithValues: tensors.compactMap { k, v in
            k.hasPrefix(p) ? (String(k.dropFirst(p.count)), v) : nil
        })
    }
}
