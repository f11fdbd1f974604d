import Foundation
import Report
import XCTest

/// Every chart kind renders its four files with the installed gnuplot, byte-identically on every run.
final class GnuplotRendererTests: ReportTestCase {
    static let charts = [bars, lines, scatter]

    func testEveryKindWritesDataScriptPNGAndSVG() throws {
        for chart in Self.charts {
            let output = try subdirectory(chart.name)
            let urls = try GnuplotRenderer().render(chart, into: output)
            XCTAssertEqual(urls.map(\.lastPathComponent), ["dat", "gp", "png", "svg"].map { "\(chart.name).\($0)" })
            XCTAssertEqual(try contents(of: output), urls.map(\.lastPathComponent).sorted(), "no temporary left behind")
            let png = try Data(contentsOf: urls[2])
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(chart.name).png is a PNG")
            XCTAssertEqual(png.subdata(in: 16..<24), Data([0, 0, 3, 0x20, 0, 0, 1, 0xE0]), "800×480")
            let svg = try String(contentsOf: urls[3], encoding: .utf8)
            XCTAssertTrue(svg.contains("width=\"800\" height=\"480\""))
            XCTAssertTrue(svg.contains(chart.title), "the title is drawn")
        }
    }

    func testRenderingTwiceGivesByteIdenticalFiles() throws {
        for chart in Self.charts {
            let first = try GnuplotRenderer().render(chart, into: try subdirectory("first-\(chart.name)"))
            let firstBytes = try first.map { try Data(contentsOf: $0) }
            let second = try GnuplotRenderer().render(chart, into: try subdirectory("second-\(chart.name)"))
            let again = try GnuplotRenderer().render(chart, into: first[0].deletingLastPathComponent())
            for (index, url) in first.enumerated() {
                XCTAssertEqual(try Data(contentsOf: second[index]), firstBytes[index], "\(url.lastPathComponent) differs between runs")
                XCTAssertEqual(try Data(contentsOf: again[index]), firstBytes[index], "\(url.lastPathComponent) differs when replaced")
            }
        }
    }

    func testAUsersGnuplotSettingsAndLocaleDoNotChangeTheFiles() throws {
        let reference = try GnuplotRenderer().render(Self.bars, into: try subdirectory("reference"))
        let home = try subdirectory("home")
        try "set format y '%.2f'\nset decimalsign ','\nset bmargin 10\nset xtics rotate by 90\n"
            .write(to: home.appendingPathComponent(".gnuplot"), atomically: true, encoding: .utf8)
        let saved = ["HOME", "LANG", "LC_ALL"].map { ($0, ProcessInfo.processInfo.environment[$0]) }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        setenv("HOME", home.path, 1)
        setenv("LANG", "de_DE.UTF-8", 1)
        setenv("LC_ALL", "de_DE.UTF-8", 1)
        let hostile = try GnuplotRenderer().render(Self.bars, into: try subdirectory("hostile"))
        for (a, b) in zip(reference, hostile) {
            XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b), "\(a.lastPathComponent) depends on the environment")
        }
    }

    func testTheScriptAloneReproducesTheImages() throws {
        let urls = try GnuplotRenderer().render(Self.lines, into: try subdirectory("rendered"))
        let again = try subdirectory("again")
        for url in urls.prefix(2) {
            try FileManager.default.copyItem(at: url, to: again.appendingPathComponent(url.lastPathComponent))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gnuplot", "rounds.gp"]
        process.currentDirectoryURL = again
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for url in urls.suffix(2) {
            XCTAssertEqual(try Data(contentsOf: again.appendingPathComponent(url.lastPathComponent)), try Data(contentsOf: url),
                           "\(url.lastPathComponent) from `gnuplot rounds.gp` differs")
        }
    }

    /// The error bars are 95 % t intervals, clipped to the chart's bounds (0…50 here: Pilot's GQA interval ends at
    /// 50.48); expected values from scipy.stats.t.interval(0.95, n − 1, mean, sem) printed with %.6g.
    func testDataFileNamesItsColumnsWithFixedPrecision() throws {
        let urls = try GnuplotRenderer().render(Self.bars, into: directory)
        XCTAssertEqual(try String(contentsOf: urls[0], encoding: .utf8), """
        # table1_bars.dat: Visual scenario: score per task
        # grouped bars: one row per category; lower and upper bound the 95 % interval over seeds
        # columns: 1 category | 2 "Local" mean | 3 "Local" lower | 4 "Local" upper | 5 "Pilot" mean | 6 "Pilot" lower | 7 "Pilot" upper
        "GQA" 40 37.5159 42.4841 48 45.5159 50
        "COCO" 31 18.2938 43.7062 35.5 29.1469 41.8531
        "RefCOCO" 20 20 20 25 25 25

        """)
    }

    func testPanelsShareOneDataFileAndDrawEveryPanelOnEachTerminal() throws {
        var second = Self.lines
        second.name = "rounds-b"
        second.title = "COCO"
        second.yLabel = "CIDEr"
        let chart = Chart.panels(name: "panels", title: "Two panels", [Self.lines, second])
        let urls = try GnuplotRenderer().render(chart, into: directory)
        let data = try String(contentsOf: urls[0], encoding: .utf8)
        XCTAssertTrue(data.contains("# panel 2 (from index 2): COCO"), data)
        let script = try String(contentsOf: urls[1], encoding: .utf8)
        XCTAssertEqual(script.components(separatedBy: "set multiplot layout 1,2").count - 1, 2, "png and svg each draw both panels")
        XCTAssertTrue(script.contains("'panels.dat' index 3 using 1:2:3:4 with yerrorlines lt 2 title 'Pilot'"), script)
        XCTAssertTrue(script.contains("set ylabel 'CIDEr'"))
        XCTAssertEqual(script.components(separatedBy: "set key at screen").count - 1, 2, "one legend per terminal, on the last panel")
        let png = try Data(contentsOf: urls[2])
        XCTAssertEqual(png.subdata(in: 16..<24), Data([0, 0, 3, 0x70, 0, 0, 1, 0xE0]), "360 per panel and 160 for the legend: 880×480")
        XCTAssertThrowsError(try Chart.panels(name: "nested", title: "t", [chart]).validate()) {
            XCTAssertEqual("\($0)", "chart 'nested': a panel cannot itself hold panels")
        }
    }

    func testLabelsWithQuotesHashesBackslashesAndUnicodeRender() throws {
        let awkward = "GQA #1 \"q\" it's a\\b ±μ_k"
        let chart = Chart(name: "awkward", title: awkward, xLabel: "x's", yLabel: "y\nnext", kind: .groupedBars(
            categories: [awkward, "plain"], series: [.init(name: awkward, values: [Statistic([1, 2]), Statistic([3])])]))
        let urls = try GnuplotRenderer().render(chart, into: directory)
        let svg = try String(contentsOf: urls[3], encoding: .utf8)
        XCTAssertTrue(svg.contains("GQA #1 'q' it's a\\b ±μ_k"), "the category label survives the data file")
        XCTAssertTrue(svg.contains("GQA #1 &quot;q&quot; it's a\\b ±μ_k") || svg.contains("GQA #1 \"q\" it's a\\b ±μ_k"),
                      "the title and legend keep their double quotes")
        XCTAssertTrue(svg.contains("y next"))
    }

    func testAFailingGnuplotLeavesNoImagesAndReportsItsError() throws {
        let fake = directory.appendingPathComponent("fake-gnuplot")
        try "#!/bin/sh\nfor script; do :; done\necho partial > \"${script%.gp}.png\"\necho 'line 7: undefined variable: boom' >&2\nexit 1\n"
            .write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let output = try subdirectory("out")
        try Data("previous".utf8).write(to: output.appendingPathComponent("rounds.png"))

        XCTAssertThrowsError(try GnuplotRenderer(executable: fake.path).render(Self.lines, into: output)) { error in
            guard case .gnuplotFailed(let chart, let status, let standardError) = error as? ReportError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(chart, "rounds")
            XCTAssertEqual(status, 1)
            XCTAssertTrue(standardError.contains("line 7: undefined variable: boom"))
        }
        XCTAssertEqual(try contents(of: output), ["rounds.png"], "no partial files, no temporaries")
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("rounds.png")), Data("previous".utf8))
    }

    func testAMissingGnuplotNamesThePackageToInstall() throws {
        for executable in ["/nonexistent/gnuplot", "gnuplot-that-is-not-installed"] {
            XCTAssertThrowsError(try GnuplotRenderer(executable: executable).render(Self.bars, into: directory)) { error in
                XCTAssertEqual(error as? ReportError, .gnuplotMissing(executable: executable))
                XCTAssertTrue("\(error)".contains("gnuplot-nox"))
            }
        }
        XCTAssertEqual(try contents(of: directory), [])
    }
}
