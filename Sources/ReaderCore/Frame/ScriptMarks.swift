/// Which outline entries to mark, in the original script, because their section switches script.
enum ScriptMarks {
  /// A mark per entry (简 in a mostly Traditional document, 繁 in a mostly Simplified one), or nil.
  static func marks(for state: ReaderState) -> [String?] {
    let entries = state.document.outline.entries
    guard state.setting.script == .original, let scripts = state.conversions.documentScripts else {
      return Array(repeating: nil, count: entries.count)
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
      return Array(repeating: nil, count: entries.count)
    }
    return entries.indices.map { index in
      let start = entries[index].topIndex
      let end =
        index + 1 < entries.count ? max(start + 1, entries[index + 1].topIndex) : scripts.blockScripts.count
      let section = scripts.blockScripts[
        min(start, scripts.blockScripts.count)..<min(end, scripts.blockScripts.count)]
      return section.contains { $0 == minority || $0 == .mixed } ? mark : nil
    }
  }
}
