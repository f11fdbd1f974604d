import Tensors

// OpenBLAS reads its core type when it loads, so the fix must re-execute before anything else.
Runtime.reexecWithBLASEnvironmentIfNeeded()
PilotCommand.main()
