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

  /// The memory of the terminal that `environment` (a variable's value by its name) describes.
  init(store: PositionStore, environment: (String) -> String?) {
    self.store = store
    // Joined by hand: `joined(separator:)` was 180,000 instructions before the first screen.
    var name = "TERM=" + (environment("TERM") ?? "")
    if let program = environment("TERM_PROGRAM"), !program.isEmpty { name += " TERM_PROGRAM=" + program }
    if environment("TMUX").map({ !$0.isEmpty }) == true { name += " tmux" }
    if environment("STY").map({ !$0.isEmpty }) == true { name += " screen" }
    // No tab or line break of an odd variable can split the file's lines.
    let terminal = VisibleText.singleLine(name)
    self.terminal = terminal
    remembered = Self.entries(in: store).last { $0.terminal == terminal }?.width
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

  /// The file's lines that are a name, one tab and a width, in order. Read as bytes: the file is
  /// read before the first screen, where splitting a String cost 140,000 instructions.
  private static func entries(in store: PositionStore) -> [(terminal: String, width: AmbiguousWidth)] {
    guard let bytes = PositionStore.readSmallFile(store.directory + "/" + Self.fileName) else { return [] }
    var found: [(terminal: String, width: AmbiguousWidth)] = []
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
      let line = bytes[start..<end]
      start = end + 1
      // A second tab leaves no width that parses.
      guard let tab = line.firstIndex(of: UInt8(ascii: "\t")),
        let width = AmbiguousWidth(rawValue: String(decoding: line[(tab + 1)...], as: UTF8.self))
      else { continue }
      found.append((String(decoding: line[..<tab], as: UTF8.self), width))
    }
    return found
  }
}
