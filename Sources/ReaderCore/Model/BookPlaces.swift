/// The places inside a book that its links name: each chapter's entry name and the top-level
/// block it starts at, and every `chapter.xhtml#id` anchor's leaf block, so that a link between
/// chapters (or to a footnote in the same chapter) is followed inside the one document.
public struct BookPlaces: Sendable, Equatable {
  /// What a link's destination leads to in the book.
  public enum Destination: Equatable, Sendable {
    /// The leaf block `leaf`; `missingFragment` is set when the link's `#id` is not in its
    /// chapter and the chapter's start stands in for it.
    case place(leaf: Int, missingFragment: String?)
    /// A chapter of the book that has not been imported yet.
    case notYetRead(path: String)
    /// A file of the book that is not in its reading order (an image, a stylesheet).
    case notInReadingOrder(path: String)
    /// Not a path inside the book (an address with a scheme: `https:`, `mailto:`).
    case outside
  }

  /// The entry names of the spine's documents, known before any chapter is read (a long book's
  /// first ones only until its package is read whole, after the first page).
  public internal(set) var spine: Set<String>
  /// Whether `spine` is all of it; until then a path not in it may be a chapter still to come.
  public internal(set) var spineIsWhole = true
  /// The chapters imported so far, in reading order, and the top-level block each starts at.
  public private(set) var chapterPaths: [String] = []
  public private(set) var chapterStarts: [Int] = []
  /// `path` (a chapter's start) and `path#id` → the id of the leaf block there.
  public private(set) var anchors: [String: Int] = [:]

  public init(spine: Set<String>) {
    self.spine = spine
  }

  /// Notes that chapter `path` starts at top-level block `start` and holds `anchors`.
  public mutating func addChapter(_ path: String, start: Int, anchors more: [String: Int]) {
    chapterPaths.append(path)
    chapterStarts.append(start)
    anchors.merge(more) { first, _ in first }
  }

  /// The chapter that holds top-level block `topIndex`: the last one starting at or before it
  /// (a chapter with nothing in it starts where the next one does).
  public func chapter(holding topIndex: Int) -> String? {
    chapterStarts.lastIndex(inPrefixWhere: { $0 <= topIndex }).map { chapterPaths[$0] }
  }

  /// Where `href`, written in the chapter that holds top-level block `topIndex`, leads.
  public func destination(of href: String, fromTopIndex topIndex: Int) -> Destination {
    let base = chapter(holding: topIndex) ?? chapterPaths.first ?? ""
    guard let (path, fragment) = EPUBPath.resolve(href, from: base) else { return .outside }
    if let fragment, let leaf = anchors[path + "#" + fragment] {
      return .place(leaf: leaf, missingFragment: nil)
    }
    guard spine.contains(path) || !spineIsWhole else { return .notInReadingOrder(path: path) }
    guard let start = anchors[path] else { return .notYetRead(path: path) }
    return .place(leaf: start, missingFragment: fragment)
  }
}
