import Federated

/// What a study's runs measured, read from their checkpoints: for every row, one history per seed.
public struct StudyResults: Sendable {
    /// The study.
    public let study: Study
    /// The settings its rows were resolved with (captions name the scale and seeds).
    public let settings: StudySettings
    /// The seeds, in order.
    public let seeds: [UInt64]
    /// [row][seed]: the run's history, rows in the study's order.
    public let histories: [[RunHistory]]

    /// Results of `study` from histories in row and seed order.
    public init(study: Study, settings: StudySettings, seeds: [UInt64], histories: [[RunHistory]]) {
        self.study = study
        self.settings = settings
        self.seeds = seeds
        self.histories = histories
    }
}
