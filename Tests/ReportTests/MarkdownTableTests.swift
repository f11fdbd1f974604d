import Report
import XCTest

/// Markdown rendering against expected text: grouped headers, bold best, reference rows, missing cells, integers.
final class MarkdownTableTests: XCTestCase {
    let groups = [
        MarkdownTable.ColumnGroup(title: "GQA (accuracy)", columns: ["GQA-1", "GQA-2", "avg"]),
        MarkdownTable.ColumnGroup(title: "", columns: ["params"]),
    ]

    func testRendersGroupedHeaderBoldBestReferenceRowMissingCellsAndIntegers() {
        let table = MarkdownTable(
            title: "Table 1: visual scenario",
            caption: "Mean ± std over 3 seeds.",
            groups: groups,
            rows: [
                .init(label: "Local", cells: [.statistic(Statistic([40, 41, 39])), .missing,
                                              .statistic(Statistic([39.5])), .integer(0)]),
                .init(label: "Pilot", cells: [.statistic(Statistic([47, 48.3, 49.6])), .statistic(Statistic([45, 46])),
                                              .statistic(Statistic([46.1, 46.3])), .integer(1_234_567)]),
                .init(label: "Centralized", cells: [.statistic(Statistic([60, 61])), .statistic(Statistic([59])),
                                                    .statistic(Statistic([59.5])), .text("n/a")], isReference: true),
            ])
        let expected = """
        **Table 1: visual scenario**

        | method        | GQA (accuracy) › GQA-1 |    › GQA-2 |          › avg |    params |
        | :------------ | ---------------------: | ---------: | -------------: | --------: |
        | Local         |             40.0 ± 1.0 |          — |           39.5 |         0 |
        | Pilot         |         **48.3 ± 1.3** | 45.5 ± 0.7 | **46.2 ± 0.1** | 1,234,567 |
        | *Centralized* |           *60.5 ± 0.7* |     *59.0* |         *59.5* |     *n/a* |

        Mean ± std over 3 seeds. Italic rows are references and are not ranked.

        """
        XCTAssertEqual(table.rendered(), expected)
    }

    func testValuesThatPrintTheSameBestAreAllBold() {
        let table = MarkdownTable(title: "", caption: "", groups: [.init(title: "", columns: ["score"])], rows: [
            .init(label: "a", cells: [.statistic(Statistic([48.31]))]),
            .init(label: "b", cells: [.statistic(Statistic([48.29]))]),
            .init(label: "c", cells: [.statistic(Statistic([12]))]),
        ])
        XCTAssertEqual(table.rendered(), """
        | method |    score |
        | :----- | -------: |
        | a      | **48.3** |
        | b      | **48.3** |
        | c      |     12.0 |

        """)
    }

    func testNothingIsBoldWithoutBoldBestOrWithOneContender() {
        let rows: [MarkdownTable.Row] = [
            .init(label: "a", cells: [.statistic(Statistic([1, 2])), .statistic(Statistic([5]))]),
            .init(label: "b", cells: [.statistic(Statistic([3, 4])), .missing]),
        ]
        let columns = [MarkdownTable.ColumnGroup(title: "", columns: ["x", "y"])]
        XCTAssertFalse(MarkdownTable(title: "", caption: "", groups: columns, rows: rows, boldBest: false).rendered().contains("**"))
        let ranked = MarkdownTable(title: "", caption: "", groups: columns, rows: rows).rendered()
        XCTAssertTrue(ranked.contains("**3.5 ± 0.7**"))
        XCTAssertFalse(ranked.contains("**5.0**"), "a column with a single contender is not ranked")
    }

    func testEscapesMarkdownAndPrintsNonFiniteAndNegativeZero() {
        let table = MarkdownTable(title: "", caption: "", groups: [.init(title: "a|b", columns: ["x_1", "y"])], rows: [
            .init(label: "w/o *ATA*\nnew line", cells: [.statistic(Statistic([.nan, 1])), .statistic(Statistic([-0.01]))]),
        ], labelHeader: "variant")
        XCTAssertEqual(table.rendered(), """
        | variant              | a\\|b › x\\_1 | › y |
        | :------------------- | ----------: | --: |
        | w/o \\*ATA\\* new line |  non-finite | 0.0 |

        """)
    }

    func testShortRowsArePaddedAndValidateReportsThem() {
        let table = MarkdownTable(title: "t", caption: "", groups: [.init(title: "", columns: ["x", "y"])], rows: [
            .init(label: "short", cells: [.integer(-1234)]),
        ])
        XCTAssertTrue(table.rendered().contains("| short  | -1,234 |   — |"))
        XCTAssertThrowsError(try table.validate()) { error in
            XCTAssertEqual(error as? ReportError, .inconsistentRowLength(table: "t", row: "short", expected: 2, actual: 1))
        }
    }
}
