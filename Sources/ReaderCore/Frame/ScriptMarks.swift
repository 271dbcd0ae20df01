/// Which outline entries to mark, in the original script, because their section switches script.
enum ScriptMarks {
  /// The mark for each entry in `entries` (简 in a mostly Traditional document, 繁 in a mostly
  /// Simplified one), or nil; only the entries on screen are asked for, so a frame's cost does
  /// not grow with the document.
  static func marks(for state: ReaderState, entries range: some Sequence<Int>) -> [Int: String] {
    let entries = state.document.outline.entries
    guard state.setting.script == .original, let scripts = state.conversions.documentScripts else {
      return [:]
    }
    let minority: TextScript
    let mark: String
    switch scripts.dominant {
    case .traditional:
      minority = .simplified
      mark = "简"
    case .simplified:
      minority = .traditional
      mark = "繁"
    default:
      return [:]
    }
    var marks: [Int: String] = [:]
    let count = scripts.blockScripts.count
    for index in range where index < entries.count {
      let start = entries[index].topIndex
      let end = index + 1 < entries.count ? max(start + 1, entries[index + 1].topIndex) : count
      let section = scripts.blockScripts[min(start, count)..<min(end, count)]
      if section.contains(where: { $0 == minority || $0 == .mixed }) { marks[index] = mark }
    }
    return marks
  }
}
