/// One piece of a study as the builder collects it: a row, a setting, an output, or a note that it cannot run.
public enum StudyPart: Hashable, Sendable {
    /// A row of the study's tables and figures.
    case row(Row)
    /// How many seeds every row runs with.
    case seeds(Int, bases: Int)
    /// Communication rounds of every run.
    case rounds(Int)
    /// The markdown table the study renders.
    case table(Table)
    /// A figure the study renders.
    case figure(Figure)
    /// The study cannot run yet (validation fails with this reason).
    case unavailable(String)
    /// A `Tune` group's name and the setting `Tuned` records for it (nil: none recorded yet).
    case tuned(String, Row?)
}
