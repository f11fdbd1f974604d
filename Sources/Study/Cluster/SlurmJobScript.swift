/// A batch script for `sbatch`: `#SBATCH` options, then shell lines that end by running `pilot`.
public struct SlurmJobScript: Sendable, Equatable {
    /// The job's name (`--job-name`).
    public var name: String
    /// `#SBATCH` options beyond the name, each as written after `#SBATCH ` (e.g. "--array=0-9").
    public var directives: [String]
    /// A comment for a reader of the script: what the job does.
    public var purpose: String
    /// Shell lines before the command (already valid shell).
    public var prelude: [String]
    /// The command, each argument quoted for the shell, then `rawTail` appended unquoted (e.g. `"$RUN"`).
    public var command: [String]
    /// Shell text after the quoted command (already valid shell).
    public var rawTail: String

    public init(name: String, directives: [String], purpose: String, prelude: [String] = [], command: [String], rawTail: String = "") {
        self.name = name
        self.directives = directives
        self.purpose = purpose
        self.prelude = prelude
        self.command = command
        self.rawTail = rawTail
    }

    public var text: String {
        var lines = ["#!/bin/bash", "# \(purpose)", "# Written by `pilot study submit --slurm`; submitting it again by hand is safe: finished runs are skipped."]
        lines += (["--job-name=\(name)"] + directives).map { "#SBATCH \($0)" }
        lines += ["set -euo pipefail"] + prelude
        lines.append("exec " + command.map(Self.quoted).joined(separator: " ") + (rawTail.isEmpty ? "" : " " + rawTail))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `word` as one shell word: bare when it holds only safe characters, else in single quotes.
    public static func quoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !word.isEmpty && word.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
