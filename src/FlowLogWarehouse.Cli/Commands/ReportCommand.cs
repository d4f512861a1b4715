using System.CommandLine;
using FlowLogWarehouse.Cli.Commands.Reports;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary><c>flowlogs report list|show|run</c>: the versioned SQL library.</summary>
internal sealed class ReportCommand : ICliCommand
{
    public Command Create(GlobalOptions global) =>
        new("report", "Named, versioned SQL reports over the warehouse: rejected traffic, top talkers, NAT paths, port scans, ...")
        {
            ReportList.Create(global),
            ReportShow.Create(global),
            ReportRun.Create(global),
        };
}
