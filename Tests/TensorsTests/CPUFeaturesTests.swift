import Platform
import XCTest

final class CPUFeaturesTests: XCTestCase {
    func testFlagsAreReadFromTheFirstFlagsLine() {
        let info = "processor\t: 0\nflags\t\t: fpu sse2 avx2 fma\nbugs\t: x\nflags\t\t: avx512f\n"
        XCTAssertEqual(CPUFeatures.flags(cpuinfo: info), ["fpu", "sse2", "avx2", "fma"])
        XCTAssertEqual(CPUFeatures.flags(cpuinfo: nil), [])
    }

    func testAnUnmetRequirementNamesWhatIsMissing() throws {
        let required = ["avx", "avx2", "fma"]
        let line = try XCTUnwrap(CPUFeatures.unmetRequirement(required, flags: ["sse2", "avx"]))
        XCTAssertTrue(line.contains("lacks avx2, fma"), line)
        XCTAssertFalse(line.contains("\n"))
        XCTAssertNil(CPUFeatures.unmetRequirement(required, flags: ["sse2", "avx", "avx2", "fma"]))
        XCTAssertNil(CPUFeatures.unmetRequirement(required, flags: []), "no /proc/cpuinfo: nothing to judge")
        XCTAssertNil(CPUFeatures.unmetRequirement([], flags: ["sse2"]), "a baseline build needs nothing")
    }

    func testThisMachineMeetsTheRequirementOfTheBuildUnderTest() {
        XCTAssertNil(CPUFeatures.unmetRequirement())
    }
}
