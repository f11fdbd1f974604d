import Foundation

/// The JSON shapes score inputs take, and decoding that turns `DecodingError`s into `ScoreInputError`s.
enum JSONShape {
    /// `{"id": "text"}`: predictions.
    case idToString
    /// `{"id": ["text", …]}`: text references.
    case idToStrings
    /// `{"id": [number, …]}`: box references.
    case idToNumbers

    /// What a value of the top-level object must be.
    var valueDescription: String {
        switch self {
        case .idToString: "a string"
        case .idToStrings: "a list of strings"
        case .idToNumbers: "a list of 4 numbers [x1, y1, x2, y2]"
        }
    }

    /// What an element of such a value must be.
    var elementDescription: String {
        self == .idToNumbers ? "a number" : "a string"
    }

    /// Decodes `data` as `type`, reporting failures against `file`.
    func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw ScoreInputError(file: file, problem: problem(for: error, in: data))
        }
    }

    /// The `ScoreInputError` problem a decoding error stands for.
    private func problem(for error: DecodingError, in data: Data) -> ScoreInputError.Problem {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return wrongType(at: context.codingPath)
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .malformedJSON(Self.parserReason(data) ?? context.debugDescription)
        case .dataCorrupted(let context), .keyNotFound(_, let context):
            return wrongType(at: context.codingPath)
        @unknown default:
            return .malformedJSON(String(describing: error))
        }
    }

    /// Where and why `JSONSerialization` rejects `data` ("Invalid value around character 13."): the
    /// decoder's own error says only that the data is not valid JSON.
    private static func parserReason(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    private func wrongType(at path: [CodingKey]) -> ScoreInputError.Problem {
        switch path.count {
        case 0: .wrongType(at: "the top level", expected: "a JSON object mapping each id to \(valueDescription)")
        case 1: .wrongType(at: "the value of id \"\(path[0].stringValue)\"", expected: valueDescription)
        default:
            .wrongType(at: "element \(path[1].intValue.map(String.init) ?? path[1].stringValue) of id \"\(path[0].stringValue)\"",
                       expected: elementDescription)
        }
    }
}
