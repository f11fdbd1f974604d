import Report
import XCTest

/// Mean and sample standard deviation against values worked by hand.
final class StatisticTests: XCTestCase {
    func testMeanAndSampleStandardDeviation() {
        // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32, sample variance 32/7.
        let statistic = Statistic([2, 4, 4, 4, 5, 5, 7, 9])
        XCTAssertEqual(statistic.mean, 5)
        XCTAssertEqual(statistic.standardDeviation, (32.0 / 7.0).squareRoot(), accuracy: 1e-12)
    }

    func testSingleValueHasZeroStandardDeviation() {
        let statistic = Statistic([48.25])
        XCTAssertEqual(statistic.mean, 48.25)
        XCTAssertEqual(statistic.standardDeviation, 0)
    }
}
