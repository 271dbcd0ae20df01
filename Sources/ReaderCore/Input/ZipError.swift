/// Why a zip archive or one of its entries could not be read.
public enum ZipError: Error, Equatable, Sendable {
  case notAnArchive
  case tooManyEntries(Int)
  case missingEntry(String)
  case damagedEntry(String)
  case encryptedEntry(String)
  case tooLarge(String)
  /// A library the reader opens when it first needs it (libzip, libxml2) does not load.
  case libraryMissing(String)

  /// A short reason, for a one-line message.
  public var reason: String {
    switch self {
    case .notAnArchive: return "not a zip archive, or a damaged or truncated one"
    case .tooManyEntries(let count): return "the archive holds too many files (\(count))"
    case .missingEntry(let name): return "\(VisibleText.singleLine(name)) is missing"
    case .damagedEntry(let name): return "\(VisibleText.singleLine(name)) is damaged"
    case .encryptedEntry(let name): return "\(VisibleText.singleLine(name)) is encrypted"
    case .tooLarge(let name): return "\(VisibleText.singleLine(name)) inflates to more than the size limit"
    case .libraryMissing(let name): return "\(name) cannot be loaded (is its Debian package installed?)"
    }
  }
}
