/// Why a book cannot be opened; `reason` completes "cannot open 'book.epub': ...".
public enum EPUBError: Error, Equatable, Sendable {
  /// The content is encrypted (DRM): only the shop's own reader can open it.
  case encrypted
  /// The zip container itself cannot be read.
  case archive(ZipError)
  /// Neither `META-INF/container.xml` nor any `.opf` file names the package document.
  case missingPackage
  /// The package document is not XML that names a spine.
  case invalidPackage(String)
  /// No chapter of the spine could be read.
  case nothingReadable

  public var reason: String {
    switch self {
    case .encrypted:
      return "the book is DRM-protected (its chapters are encrypted, see META-INF/encryption.xml)"
    case .archive(let error): return "not a readable EPUB: " + error.reason
    case .missingPackage: return "not a readable EPUB: no package document (.opf) is named or present"
    case .invalidPackage(let path):
      return "not a readable EPUB: the package \(VisibleText.singleLine(path)) is damaged"
    case .nothingReadable: return "not a readable EPUB: none of its chapters can be read"
    }
  }
}
