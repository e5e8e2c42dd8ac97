using System.Collections.ObjectModel;

namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>A piece of information attached to a resource: an endpoint, a wait, an environment callback...</summary>
public interface IResourceAnnotation;

/// <summary>
/// The annotations of one resource. Written while the graph is declared (one thread), read-only once the application
/// is built, so readers need no lock.
/// </summary>
public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;
