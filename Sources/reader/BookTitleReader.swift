import Glibc
import ReaderCore

/// Reads the titles of a folder's books on a thread of its own while the folder's list is shown:
/// a book never opened is listed by its file name (`9787020002207.epub`) until its package says
/// what it is (`紅樓夢 — 曹雪芹`), as the shelf names the books read before.
///
/// Only the package is read of each book, where libzip looks in the file (a book of any size
/// costs about what its first page does), with the same limits as opening it; a book that
/// cannot be read keeps its file name.
final class BookTitleReader: @unchecked Sendable {
  private let lock = Lock()
  private var found: [String: String] = [:]
  private var stopped = false

  /// Starts reading the titles of the books at `paths`, in order.
  init(paths: [String]) {
    guard !paths.isEmpty else { return }
    // Before the thread starts: it opens archives, which set TZ the first time.
    ZipArchive.settleTimeZone()
    BackgroundThread.start { [self] in
      for path in paths {
        if lock.withLock({ stopped }) { return }
        guard let title = Self.title(ofBookAt: path) else { continue }
        lock.withLock { found[path] = title }
      }
    }
  }

  /// The titles read since the last call, by path.
  func take() -> [String: String] {
    lock.withLock {
      defer { found = [:] }
      return found
    }
  }

  /// Stops after the book being read: the list is closed.
  func stop() {
    lock.withLock { stopped = true }
  }

  /// The titles of the books at `paths` read now, one after the other (a pipe waits for the
  /// whole list anyway), by path.
  static func titles(ofBooksAt paths: [String]) -> [String: String] {
    var titles: [String: String] = [:]
    for path in paths { titles[path] = title(ofBookAt: path) }
    return titles
  }

  /// `title — author` from the book's package; nil when it has no title or cannot be read.
  static func title(ofBookAt path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    let file = OpenFile(descriptor: descriptor, path: path)
    guard let size = try? file.size(),
      let book = try? EPUBImporter(size: size, read: { file.read(at: $0, into: $1) }),
      let title = book.title
    else { return nil }
    return Document.byline(title: title, author: book.author)
  }
}
