/// The article that `reader` opens when given no file, compiled into the binary.
public enum BundledArticle {
  /// The file name the article is shown under.
  public static let name = "openai-turmoil.md"

  /// The article's bytes, exactly as in `Assets/openai-turmoil.md`.
  public static var bytes: [UInt8] { PackageResources.openai_turmoil_md }
}
