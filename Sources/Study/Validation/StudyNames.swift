/// Rules for the names that become directories and files.
enum StudyNames {
    /// Lower-case letters, digits, '-' and '_', not empty (the file stems gnuplot charts accept).
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// The names that occur more than once, each once, in order of their second occurrence.
    static func duplicates(_ names: [String]) -> [String] {
        var seen = Set<String>(), reported = Set<String>(), out: [String] = []
        for name in names {
            if !seen.insert(name).inserted && reported.insert(name).inserted { out.append(name) }
        }
        return out
    }
}
