/// The index `README.md` of a rendered output directory: every study with links to its table and figures.
enum StudyIndex {
    /// The index of `plan`'s studies (only what the plan holds; no paths or times, so it is the same on every rendering).
    static func markdown(plan: StudyPlan) -> String {
        let settings = plan.settings
        var lines = [
            "# Studies: tables and figures",
            "",
            "Rendered from the runs' HDF5 checkpoints by `pilot study run` or `pilot figures` (which give identical files).",
            "Scale `\(settings.scale.name)`; every table cell is the mean ± std over the seeds a study declares"
                + (settings.seeds.map { " (here \($0) for every study)" } ?? "") + "; \(plan.runs.count) distinct runs"
                + " serve \(plan.useCount) row × seed cells.",
        ]
        for study in plan.studies {
            lines += ["", "## \(study.name): \(study.title)", ""]
            if !study.tables.isEmpty { lines.append("- table: [\(study.name)/table.md](\(study.name)/table.md)") }
            for figure in study.figures {
                let stem = "\(study.name)/\(figure.name)"
                lines.append("- figure `\(figure.name)`: [png](\(stem).png), [svg](\(stem).svg), [data](\(stem).dat), [gnuplot script](\(stem).gp)")
            }
            for figure in study.figures { lines += ["", "![\(study.name) \(figure.name)](\(study.name)/\(figure.name).png)"] }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
