import Foundation
import Models
import NN
import Training
import XCTest

/// Training options encode as they did before `lossAverage` unless it is set, so run hashes stay.
final class TrainingOptionsTests: XCTestCase {
    let schedule = LearningRateSchedule(base: 5e-3, warmupSteps: 10, decay: .cosine, minimumFactor: 0.1)

    func testTheTokenMeanIsLeftOutOfTheEncoding() throws {
        let options = TrainingOptions(epochs: 2, batchSize: 16, schedule: schedule)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(options)) as! [String: Any]
        XCTAssertEqual(Set(json.keys), ["epochs", "batchSize", "schedule", "weightDecay", "clipNorm"])
        let decoded = try JSONDecoder().decode(TrainingOptions.self, from: JSONEncoder().encode(options))
        XCTAssertEqual(decoded, options)
        XCTAssertEqual(decoded.lossAverage, .answerTokens)
    }

    func testTheExampleMeanRoundTrips() throws {
        let options = TrainingOptions(epochs: 2, schedule: schedule, clipNorm: nil, lossAverage: .examples)
        let data = try JSONEncoder().encode(options)
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        XCTAssertEqual(json["lossAverage"] as? String, "examples")
        XCTAssertNil(json["clipNorm"])
        XCTAssertEqual(try JSONDecoder().decode(TrainingOptions.self, from: data), options)
    }
}
