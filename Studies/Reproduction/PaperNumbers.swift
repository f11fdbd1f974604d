import Study

/// The numbers of the paper's Tables 1–6, as printed.
///
/// Source: Xiong et al., "Pilot: Building the Federated Multimodal Instruction Tuning Framework"
/// (AAAI 2025), read from the paper's text (checked against it by `PaperNumbersTests`): Tables 1–2 in the "Experimental
/// Setups" section (the per-client tables with the "Centralized test result" row), Table 3 after
/// "Ablation Studies", Tables 4–6 under "Further Remarks". Units as in the paper: accuracy and
/// Acc@IoU≥0.5 in %, CIDEr × 100; AP and CP in billions of parameters. Table 3's rows are check-mark
/// rows whose marks the transcription lost; their order (none, + ATA, + cross-task adapter, + aux
/// loss, + difference loss) is read from the ablation text, as docs/design.md does. Figure 1(b) is a chart
/// without printed numbers. `PaperNumbersTests` checks every value against the transcription when it
/// is present.
public enum PaperNumbers {
    /// Table 1: visual understanding (GQA, COCO caption, RefCOCO), per client.
    public static let table1 = PaperTable(
        study: "table1", name: "Table 1", caption: "visual understanding, per client", scenario: .visual, layout: Table(.perClient), rows: [
            PaperRow("Centralized training", as: "Centralized", .perTask([52.8, 130.3, 65.3]), isReference: true),
            PaperRow("Local training", as: "Local", .perClient([48.8, 47.5, 48.4, 117.6, 122.3, 120.9, 29.1, 35.1, 31.9])),
            PaperRow("FedAvg", .perClient([47.2, 46.6, 46.4, 86.5, 102.5, 104.2, 25.4, 30.2, 32.4])),
            PaperRow("FedProx", .perClient([48.1, 46.4, 47.8, 98.5, 101.2, 113.2, 35.8, 45.5, 39.6])),
            PaperRow("FedAdam", .perClient([50.8, 48.8, 50.5, 117.3, 119.2, 122.0, 47.5, 45.9, 45.1])),
            PaperRow("FedDPA", .perClient([49.3, 48.2, 49.3, 112.2, 121.4, 113.6, 48.2, 47.3, 46.2])),
            PaperRow("Shepherd", .perClient([43.8, 39.6, 44.7, 75.1, 86.2, 101.2, 24.1, 30.7, 28.5])),
            PaperRow("Pilot", .perClient([51.4, 49.7, 50.2, 120.3, 126.4, 125.1, 49.6, 52.4, 50.9])),
        ])

    /// Table 2: general VQA (GQA, ScienceQA, OCR-VQA), per client.
    public static let table2 = PaperTable(
        study: "table2", name: "Table 2", caption: "general VQA, per client", scenario: .generalVQA, layout: Table(.perClient), rows: [
            PaperRow("Centralized training", as: "Centralized", .perTask([56.7, 58.0, 52.3]), isReference: true),
            PaperRow("Local training", as: "Local", .perClient([46.1, 50.2, 49.6, 50.2, 49.6, 50.0, 40.62, 46.33, 37.10])),
            PaperRow("FedAvg", .perClient([44.1, 48.3, 47.1, 44.2, 40.5, 42.6, 35.6, 38.1, 34.2])),
            PaperRow("FedProx", .perClient([44.5, 48.3, 46.6, 48.0, 46.3, 43.9, 34.2, 37.5, 34.6])),
            PaperRow("FedAdam", .perClient([45.6, 49.6, 50.2, 50.1, 51.2, 49.0, 42.9, 49.5, 42.8])),
            PaperRow("FedDPA", .perClient([47.3, 50.2, 50.6, 52.3, 51.9, 50.4, 43.5, 49.6, 43.2])),
            PaperRow("Shepherd", .perClient([43.4, 45.0, 46.2, 37.6, 36.8, 39.5, 35.6, 35.3, 30.7])),
            PaperRow("Pilot", .perClient([49.2, 52.8, 52.3, 54.7, 53.2, 53.7, 45.7, 50.2, 44.9])),
        ])

    /// Table 3: Pilot's components added one at a time (visual understanding), per task.
    public static let table3 = PaperTable(
        study: "table3", name: "Table 3", caption: "ablation of Pilot's components (visual understanding), per task", scenario: .visual,
        layout: Table(.perTask), rows: [
            PaperRow("none", .perTask([46.9, 105.7, 30.6])),
            PaperRow("+ ATA", .perTask([47.5, 110.6, 39.8])),
            PaperRow("+ cross-task adapter", .perTask([49.3, 114.5, 47.5])),
            PaperRow("+ aux loss", .perTask([49.8, 120.7, 48.2])),
            PaperRow("+ difference loss", .perTask([50.4, 124.0, 51.0])),
        ])

    /// Table 4: Pilot against CT-CLIP (visual understanding), per task, with AP and CP.
    public static let table4 = PaperTable(
        study: "table4", name: "Table 4", caption: "Pilot vs CT-CLIP (visual understanding), per task, with AP and CP", scenario: .visual,
        layout: Table(.perTask, costs: [.activatedParameters, .communicatedParameters]), rows: [
            PaperRow("Pilot", .perTask([50.4, 124.0, 51.0]),
                     costs: [PaperCost(.activatedParameters, billions: 0.5), PaperCost(.communicatedParameters, billions: 0.3)]),
            PaperRow("+ CT-CLIP", as: "CT-CLIP", .perTask([51.6, 126.1, 52.7]),
                     costs: [PaperCost(.activatedParameters, billions: 1.75), PaperCost(.communicatedParameters, billions: 0.5)]),
        ])

    /// Table 5: text-adapter aggregation strategies (visual understanding), per task.
    public static let table5 = PaperTable(
        study: "table5", name: "Table 5", caption: "text-adapter aggregation strategies (visual understanding), per task", scenario: .visual,
        layout: Table(.perTask), rows: [
            PaperRow("Same task client", .perTask([49.6, 120.2, 50.3])),
            PaperRow("All clients", .perTask([47.9, 109.7, 45.2])),
            PaperRow("Pilot (=5)", as: "Pilot (k = 5)", .perTask([49.7, 122.8, 50.6])),
            PaperRow("Pilot (=6)", as: "Pilot (k = 6)", .perTask([50.4, 124.0, 51.0])),
            PaperRow("Pilot (=7)", as: "Pilot (k = 7)", .perTask([50.3, 123.2, 51.7])),
        ])

    /// Table 6: cross-task adapter initialisation (visual understanding), per task.
    public static let table6 = PaperTable(
        study: "table6", name: "Table 6", caption: "cross-task adapter initialisation (visual understanding), per task", scenario: .visual,
        layout: Table(.perTask), rows: [
            PaperRow("Random", .perTask([50.1, 122.7, 50.3])),
            PaperRow("Pilot", as: "Pilot (local task adapter)", .perTask([50.4, 124.0, 51.0])),
        ])

    /// Tables 1–6 in order.
    public static let tables = [table1, table2, table3, table4, table5, table6]

    /// Figure 1(b)'s study: the paper draws it without numbers.
    public static let figure1bStudy = "figure1b"

    /// The names of the seven studies that reproduce the paper (Tables 1–6, Figure 1(b)).
    public static var studyNames: [String] { tables.map(\.study) + [figure1bStudy] }
}
