import Federated
import PaperStudies
import Study
import World

/// Synthetic results of the paper's studies (no training): scores from a formula per row, seed and client.
enum ReproductionFixtures {
    /// The paper study called `name`.
    static func study(_ name: String) -> Study { Studies.all.first { $0.name == name }! }

    /// `study`'s results over `seeds` seeds, one round: client `c` of row `label` with seed `s` scores `score(label, s, c)`,
    /// uploads `upload(label)` floats and activates `activated(label)` parameters (nil: AP not recorded).
    static func results(_ study: Study, seeds: Int = 3, score: (String, Int, Int) -> Double,
                        upload: (String) -> Int = { _ in 100 }, activated: (String) -> Int? = { _ in nil },
                        kernelFamilies: [String] = []) -> StudyResults {
        let clients = study.scenario.clientCount
        let histories = study.rows.map { row in
            (0..<seeds).map { s -> RunHistory in
                var h = RunHistory(clients: clients)
                h.scores = [(0..<clients).map { score(row.label, s, $0) }]
                h.uploaded = [Array(repeating: upload(row.label), count: clients)]
                h.downloaded = h.uploaded
                if let a = activated(row.label) { h.activated = [Array(repeating: a, count: clients)] }
                h.seconds = [1]
                return h
            }
        }
        return StudyResults(study: study, settings: StudyFixtures.settings(), seeds: (0..<UInt64(seeds)).map { $0 }, histories: histories,
                            kernelFamilies: kernelFamilies)
    }

    /// Every paper study with scores `50 + client + offset(row)`, the same on every seed.
    static func allStudies(offset: (String) -> Double = { _ in 0 }) -> [StudyResults] {
        Studies.all.map { study in results(study, score: { label, _, c in 50 + Double(c) + offset(label) }, activated: { _ in 1000 }) }
    }

    /// Every paper study with equal scores, its runs computed by the OpenBLAS kernel families `families(study)`.
    static func allStudies(kernelFamilies families: (String) -> [String]) -> [StudyResults] {
        Studies.all.map { study in results(study, score: { _, _, c in 50 + Double(c) }, kernelFamilies: families(study.name)) }
    }

    /// Facts without generating data.
    static let facts = ReproductionFacts(chance: [.visual: [.gqa: 20, .coco: 3, .refcoco: 0],
                                                  .generalVQA: [.gqa: 20, .scienceqa: 25, .ocrvqa: 1]],
                                         modelParameters: 3_000_000, imageSize: 32)
}
