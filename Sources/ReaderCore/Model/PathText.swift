/// The parts of a file path as text, the way `NSString`'s path methods give them (the reader does
/// without Foundation's start-up cost, see README "Benchmarks"; FoundationEssentials has no such methods).
public enum PathText {
  /// The folder that holds `path`: "/a/b/c" and "/a/b/c/" give "/a/b", "/a" gives "/", "c" gives "".
  public static func folder(of path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// What follows the last dot of the last component: "a/b.tar.gz" gives "gz"; "a/.profile",
  /// "a/b" and "a.b/c" give "".
  public static func fileExtension(of path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
    let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
  }
}
