namespace NextLevel.AppHost.Hosting.ApplicationModel;

/// <summary>Base of the resource types: the name and the annotations.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    public abstract string Kind { get; }

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}
