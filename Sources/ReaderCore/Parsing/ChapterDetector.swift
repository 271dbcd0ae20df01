/// Finds the chapter headings of a plain-text book among its lines, so that prose never
/// becomes a heading.
///
/// A candidate is a line `ChapterLine` accepts: short, on its own, marker first, no clause
/// punctuation. The candidates of one marker (all 回, all 卷, all `Chapter`) are kept only when
/// their numbers run in sequence: each is one more than the one before (or starts again at
/// one, as chapters do in a new volume) at least `sequenceShare` of the time; a marker seen
/// once counts only as number one. Unnumbered parts (楔子, 後記, ...) are kept as they are.
/// Levels: volumes (卷 部 篇 集) above chapters (章 回, named parts) above sections (節), and
/// only the ranks in use take a level, so a book without volumes has its chapters at level 1.
public enum ChapterDetector {
  /// The share of steps between a marker's numbers that must go up by one, in percent.
  static let sequenceShare = 50
  /// The scalars a chapter line's first character is made of: 第, the named parts' first, `C`.
  private static let markers = Set("第楔序前引尾後后番Cc".unicodeScalars)

  /// The heading level of each chapter line, by line index.
  public static func headings<Lines: Collection<Substring>>(in lines: Lines) -> [Int: (
    level: Int, title: String
  )]
  where Lines.Index == Int {
    var candidates: [(line: Int, chapter: ChapterLine)] = []
    for index in lines.indices {
      let line = lines[index]
      // Cheap test first: a heading starts, after its indent, with one of these characters
      // (`ChapterLine.parse` decides; this only passes over the lines it would refuse).
      guard let first = PlainTextLine.firstVisibleScalar(line), markers.contains(first),
        let chapter = ChapterLine.parse(line)
      else { continue }
      candidates.append((index, chapter))
    }
    // A few kinds at most, kept in a list: a Dictionary or Set keyed by Kind looks up its Hashable
    // conformance at run time the first time, a scan of every conformance in the executable.
    var groups: [(kind: ChapterLine.Kind, numbers: [Int?])] = []
    for candidate in candidates where candidate.chapter.kind != .named {
      if let group = groups.firstIndex(where: { $0.kind == candidate.chapter.kind }) {
        groups[group].numbers.append(candidate.chapter.number)
      } else {
        groups.append((candidate.chapter.kind, [candidate.chapter.number]))
      }
    }
    let confirmed = groups.filter { isSequence($0.numbers) }.map(\.kind)
    let kept = candidates.filter { $0.chapter.kind == .named || confirmed.contains($0.chapter.kind) }
    // Named parts alone, with no numbered chapter confirmed, are not enough to call it a book.
    guard kept.contains(where: { $0.chapter.kind != .named }) || kept.count >= 2 else { return [:] }
    let ranks = Set(kept.map(\.chapter.kind.rank)).sorted()
    var result: [Int: (level: Int, title: String)] = [:]
    for (line, chapter) in kept {
      result[line] = (ranks.firstIndex(of: chapter.kind.rank)! + 1, chapter.title)
    }
    return result
  }

  private static func isSequence(_ numbers: [Int?]) -> Bool {
    let known = numbers.compactMap { $0 }
    guard known.count == numbers.count, let first = known.first else { return false }
    guard known.count > 1 else { return first <= 1 }
    var good = 0
    for (previous, next) in zip(known, known.dropFirst()) where next == previous + 1 || next == 1 {
      good += 1
    }
    return good * 100 >= (known.count - 1) * sequenceShare
  }
}
