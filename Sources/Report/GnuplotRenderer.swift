import Files
import Foundation

/// Renders a `Chart` with gnuplot into a data file, a script, a PNG and an SVG.
///
/// The data file and script are written first, in a private hidden directory inside the
/// destination; gnuplot runs there once (`gnuplot -d <name>.gp`: both images, no `~/.gnuplot`, locale
/// `C.UTF-8`), and only when it succeeds are the four files moved into place one by one, each
/// atomically. So a failure never leaves a partial image under a real name, and
/// `cd directory && gnuplot <name>.gp` reproduces the images from the two text files alone.
/// Identical charts give byte-identical files: neither pngcairo nor svg embeds a date, a path or
/// a random id, and the size, font (DejaVu Sans 10) and palette are fixed in `ChartStyle`.
public struct GnuplotRenderer: Sendable {
    /// The gnuplot executable: a name looked up on `PATH`, or a path.
    public let executable: String

    /// A renderer that runs `executable` (default: `gnuplot` on `PATH`).
    public init(executable: String = "gnuplot") {
        self.executable = executable
    }

    /// Writes `<name>.dat`, `<name>.gp`, `<name>.png` (pngcairo) and `<name>.svg` into `directory`; returns their URLs.
    public func render(_ chart: Chart, into directory: URL) throws -> [URL] {
        try chart.validate()
        let gnuplot = try resolvedExecutable()
        let workspace = try makeWorkspace(in: directory, for: chart)
        defer { try? FileManager.default.removeItem(at: workspace) }

        let dataFile = workspace.appendingPathComponent("\(chart.name).dat")
        let scriptFile = workspace.appendingPathComponent("\(chart.name).gp")
        try write(Data(chart.dataFile().utf8), to: dataFile)
        try write(Data(chart.gnuplotScript().utf8), to: scriptFile)
        try run(gnuplot, script: scriptFile.lastPathComponent, in: workspace, chart: chart.name)

        for image in chart.fileNames.suffix(2) {
            let size = (try? FileManager.default.attributesOfItem(atPath: workspace.appendingPathComponent(image).path)[.size] as? Int) ?? 0
            guard size > 0 else {
                throw ReportError.gnuplotFailed(chart: chart.name, status: 0, standardError: "gnuplot wrote no \(image)")
            }
        }
        return try chart.fileNames.map { fileName in
            let destination = directory.appendingPathComponent(fileName)
            try moveIntoPlace(workspace.appendingPathComponent(fileName), destination)
            return destination
        }
    }

    /// The executable's URL: `executable` itself when it contains a `/`, else the first match on `PATH`.
    func resolvedExecutable() throws -> URL {
        let fileManager = FileManager.default
        if executable.contains("/") {
            guard fileManager.isExecutableFile(atPath: executable) else { throw ReportError.gnuplotMissing(executable: executable) }
            return URL(fileURLWithPath: executable)
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(executable)"
            if fileManager.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        throw ReportError.gnuplotMissing(executable: executable)
    }

    /// A new hidden directory inside `directory` (created if needed) for one rendering.
    private func makeWorkspace(in directory: URL, for chart: Chart) throws -> URL {
        let workspace = directory.appendingPathComponent(".\(chart.name).render.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        } catch {
            throw ReportError.writeFailed(path: workspace.path, reason: error.localizedDescription)
        }
        return workspace
    }

    /// Writes a scratch file in the workspace.
    private func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url)
        } catch {
            throw ReportError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Runs `gnuplot -d script` in `directory` with a fixed locale and no initialization files; throws with its stderr if it fails.
    private func run(_ gnuplot: URL, script: String, in directory: URL, chart: String) throws {
        let process = Process()
        process.executableURL = gnuplot
        process.arguments = ["-d", script]   // --default-settings: no ~/.gnuplot, no system gnuplotrc
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let standardError = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        do {
            try process.run()
        } catch {
            throw ReportError.gnuplotMissing(executable: gnuplot.path)
        }
        let message = standardError.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw ReportError.gnuplotFailed(chart: chart, status: process.terminationStatus,
                                            standardError: String(decoding: message, as: UTF8.self))
        }
    }

    /// Moves a rendered file to `destination` atomically (rename into a flushed temporary, then over the real name).
    private func moveIntoPlace(_ source: URL, _ destination: URL) throws {
        do {
            try AtomicFile.write(to: destination) { temporary in
                guard rename(source.path, temporary) == 0 else {
                    throw ReportError.writeFailed(path: destination.path, reason: String(cString: strerror(errno)))
                }
            }
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.writeFailed(path: destination.path, reason: "\(error)")
        }
    }
}
