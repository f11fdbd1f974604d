import Study

/// The studies of this target (the paper's and yours). A study is a `static let` in an `extension Studies` block of its
/// own file; add it here too (`StudyListTests` fails while a declared study is missing from this list).
public enum Studies {
    /// Every study, in the order plans, `pilot study list` and the figures' index show them: by file name.
    public static let all: [Study] = [
        differenceLossForm,
        figure1b,
        table1, table2, table3, table4, table5, table6,
        tuneVisual, tuneGeneralVQA,
    ]
}
