import Foundation

/// Prints progress on standard error: one rewritten line on a terminal, a plain line now and then otherwise.
///
/// A printer with a line prefix (one of several processes sharing a terminal) writes plain lines only.
final class ProgressPrinter {
    private let isTerminal: Bool
    private var lastPlain = Date.distantPast
    private let plainInterval: TimeInterval
    private let linePrefix: String
    /// Whether this printer speaks for one of several worker processes.
    var isWorker: Bool { !linePrefix.isEmpty }

    /// A printer that, off a terminal or with a `linePrefix`, writes at most one line per `plainInterval` seconds.
    init(plainInterval: TimeInterval = 5, linePrefix: String = "") {
        self.plainInterval = linePrefix.isEmpty ? plainInterval : max(plainInterval, 30)
        self.linePrefix = linePrefix
        isTerminal = linePrefix.isEmpty && isatty(STDERR_FILENO) == 1
    }

    /// Shows `message`; `final` forces a line (and ends the rewritten one).
    func update(_ message: String, final: Bool = false) {
        let message = linePrefix + message
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + message + (final ? "\n" : "")).utf8))
        } else if final || Date().timeIntervalSince(lastPlain) >= plainInterval {
            lastPlain = Date()
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }

    /// "1m05s" style duration.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
