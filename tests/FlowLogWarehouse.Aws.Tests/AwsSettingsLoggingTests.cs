namespace FlowLogWarehouse.Aws.Tests;

/// <summary>Sets AWS credentials in this process's environment, so nothing else may run meanwhile.</summary>
[CollectionDefinition(nameof(AwsSettingsLoggingTests), DisableParallelization = true)]
public class AwsSettingsLoggingCollection;

[Collection(nameof(AwsSettingsLoggingTests))]
public class AwsSettingsLoggingTests
{
    private const string AccessKeyId = "AKIAEXAMPLELOGGING01";
    private const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYLOGGINGKEY";
    private const string SessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKENFORLOGGING";

    [Fact]
    public void ToString_names_the_settings_and_never_a_credential()
    {
        var saved = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKeyId);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretAccessKey);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", SessionToken);
            var settings = new AwsSettings { Profile = "loader", Region = "eu-west-1", EndpointUrl = "http://127.0.0.1:9000" };

            var text = settings.ToString();

            Assert.Equal("profile=loader region=eu-west-1 endpoint=http://127.0.0.1:9000", text);
            Assert.Equal("profile=(default chain) region=(default chain) endpoint=(AWS)", new AwsSettings().ToString());
            foreach (var secret in new[] { AccessKeyId, SecretAccessKey, SessionToken })
                Assert.DoesNotContain(secret, text);
        }
        finally
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static readonly string[] Names = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
}
