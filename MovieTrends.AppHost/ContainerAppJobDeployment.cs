namespace MovieTrends.AppHost;

/// <summary>
/// Deploys a project as a Container Apps job rather than an app. In publish mode the manifest gives the project
/// a Bicep deployment (<c>project.v1</c> with <c>deployment: azure.bicep.v0</c>), which azd 1.23.13 and later
/// deploys by rendering <c>infra/NAME/NAME.tmpl.bicepparam</c> and compiling it with the module named here,
/// whatever resource that module declares, a <c>Microsoft.App/jobs</c> included. Aspire's own
/// <c>PublishAsAzureContainerAppJob</c> writes the same shape from a package this repository does not use.
/// </summary>
internal static class ContainerAppJobDeployment
{
    /// <summary>The module's file name in <c>infra/NAME/</c>; azd reads only the file name from the manifest.</summary>
    public static string ModuleFileName(string resourceName) => $"{resourceName}.module.bicep";

    public static IResourceBuilder<ProjectResource> PublishAsContainerAppJob(this IResourceBuilder<ProjectResource> project)
    {
        if (!project.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return project;
        }

        var module = new BicepModule($"{project.Resource.Name}-job", ModuleFileName(project.Resource.Name));
        return project.WithAnnotation(new DeploymentTargetAnnotation(module));
    }

    /// <summary>The deployment target: only ever written into the manifest, never part of the running model.</summary>
    private sealed class BicepModule : Resource
    {
        public BicepModule(string name, string path)
            : base(name)
        {
            Annotations.Add(new ManifestPublishingCallbackAnnotation(context =>
            {
                context.Writer.WriteString("type", "azure.bicep.v0");
                context.Writer.WriteString("path", path);
            }));
        }
    }
}
