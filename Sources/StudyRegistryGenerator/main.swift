// Writes the study registry of a target: `StudyRegistryGenerator OUTPUT INPUT.swift…` (run by StudyRegistryPlugin).
import Foundation
import StudyScanner

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: StudyRegistryGenerator OUTPUT INPUT.swift…\n".utf8))
    exit(2)
}
do {
    let files = try arguments.dropFirst().map { path in
        StudyScanner.SourceFile(name: URL(fileURLWithPath: path).lastPathComponent, text: try String(contentsOfFile: path, encoding: .utf8))
    }
    let registry = StudyScanner.registry(of: files)
    // Rewrite only on change, so an unchanged registry does not recompile the target.
    if (try? String(contentsOfFile: output, encoding: .utf8)) != registry {
        try registry.write(toFile: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("StudyRegistryGenerator: \(error)\n".utf8))
    exit(1)
}
