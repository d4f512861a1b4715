using FlowLogWarehouse.Cli;

return await new CliApp().InvokeAsync(args);
