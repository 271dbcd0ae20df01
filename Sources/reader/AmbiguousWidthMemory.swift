import FoundationEssentials
import ReaderCore

/// The width each terminal gave the ambiguous characters the last time, kept with the reading
/// positions, so that the next start lays out the first screen at once instead of waiting a
/// round trip (an ssh link's) for the terminal to answer `AmbiguousWidthProbe`; the terminal is
/// asked again after that screen, and a changed answer lays the screen out anew.
///
/// A terminal is known by what its environment says of it: `TERM`, `TERM_PROGRAM` and whether
/// tmux or screen stands between (each answers for itself). One small text file holds a line per
/// terminal, `name TAB narrow|wide`, the most recent last.
struct AmbiguousWidthMemory {
  static let fileName = "terminal-widths"
  /// Terminals beyond this many, the least recently seen, are forgotten.
  static let capacity = 32

  let store: PositionStore
  /// This terminal's name in the file.
  let terminal: String
  /// The width this terminal gave last time, if it was seen before (read once, when made).
  let remembered: AmbiguousWidth?

  init(store: PositionStore, environment: [String: String]) {
    self.store = store
    var parts = ["TERM=" + (environment["TERM"] ?? "")]
    if let program = environment["TERM_PROGRAM"], !program.isEmpty { parts.append("TERM_PROGRAM=" + program) }
    if environment["TMUX"].map({ !$0.isEmpty }) == true { parts.append("tmux") }
    if environment["STY"].map({ !$0.isEmpty }) == true { parts.append("screen") }
    // No tab or line break of an odd variable can split the file's lines.
    let terminal = VisibleText.singleLine(parts.joined(separator: " "))
    self.terminal = terminal
    remembered = Self.entries(in: store).last { $0.terminal == terminal }?.width
  }

  /// What the environment variables that name a terminal say now.
  static func environment() -> [String: String] {
    StandardStream.environment(["TERM", "TERM_PROGRAM", "TMUX", "STY"])
  }

  /// Keeps `width` for this terminal; when that is what was remembered, nothing is read or written.
  func remember(_ width: AmbiguousWidth) {
    if width == remembered { return }
    // Read again: another reader, in another terminal, may have written since.
    var kept = Self.entries(in: store)
    kept.removeAll { $0.terminal == terminal }
    kept.append((terminal, width))
    let text = kept.suffix(Self.capacity).map { "\($0.terminal)\t\($0.width.rawValue)\n" }.joined()
    try? store.writeAtomically(Data(text.utf8), named: Self.fileName)
  }

  private static func entries(in store: PositionStore) -> [(terminal: String, width: AmbiguousWidth)] {
    guard let data = PositionStore.readSmallFile(store.directory + "/" + Self.fileName) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2, let width = AmbiguousWidth(rawValue: String(fields[1])) else { return nil }
      return (String(fields[0]), width)
    }
  }
}
