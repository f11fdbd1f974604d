import ArgumentParser

/// `pilot study …`: the paper's studies (and the user's) declared in `Studies/`.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study", abstract: "List, plan and run the studies declared in Studies/ (tables and figures of the paper).",
        subcommands: [StudyListCommand.self, StudyPlanCommand.self, StudyStatusCommand.self, StudyRunCommand.self, StudySubmitCommand.self,
                      StudyTuningCommand.self, StudyCompareCommand.self])
}
