import Foundation
import XCTest

/// The `pilot` executable built beside the test bundle, run as a child process.
public enum PilotProcess {
    /// Its location; skips the test when it is not built.
    public static func executable() throws -> URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("pilot")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("the pilot executable is not built beside the tests (make test builds it)")
    }

    /// A started child running `pilot` with `arguments`, its standard output discarded and standard error to `stderr`.
    public static func start(_ arguments: [String], stderr: Pipe? = nil) throws -> Process {
        let child = Process()
        child.executableURL = try executable()
        child.arguments = arguments
        child.standardOutput = FileHandle.nullDevice
        child.standardError = stderr ?? FileHandle.nullDevice
        try child.run()
        return child
    }

    /// Runs `pilot` with `arguments` to the end; returns its exit status and standard error.
    public static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let result = try output(arguments)
        return (result.status, result.stderr)
    }

    /// Runs `pilot` with `arguments` to the end; returns its exit status, standard output and standard error.
    public static func output(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        // Standard error goes to a file, so that a full pipe can never stall the child while standard output is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let child = Process()
        child.executableURL = try executable()
        child.arguments = arguments
        let out = Pipe()
        child.standardOutput = out
        child.standardError = try FileHandle(forWritingTo: errorFile)
        try child.run()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        return (child.terminationStatus, String(decoding: outputData, as: UTF8.self), try String(contentsOf: errorFile, encoding: .utf8))
    }
}
