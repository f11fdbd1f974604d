import Files
import Foundation

/// Atomic writes of rendered reports: readers only ever see a previous or a complete version.
public enum ReportFile {
    /// Writes `text` (UTF-8) to `url` through a temporary file that is flushed and renamed into place.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes `data` to `url` through a temporary file that is flushed and renamed into place.
    public static func write(_ data: Data, to url: URL) throws {
        do {
            try AtomicFile.write(to: url) { temporary in
                try data.write(to: URL(fileURLWithPath: temporary))
            }
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError.writeFailed(path: url.path, reason: "\(error)")
        }
    }
}
