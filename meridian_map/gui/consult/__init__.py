"""The consult workspace: clients, screening, the routine builder, notes and printing (mode `clients`)."""
