using System;
using LlmTelemetry.Generators.Emission;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

public class SourceWriterTests
{
    [Fact]
    public void A_closing_brace_that_ends_a_statement_is_followed_by_a_blank_line_and_a_continuation_is_not()
    {
        var writer = new SourceWriter();
        writer.Open("void M()");
        writer.Open("try");
        writer.Line("A();");
        writer.Close();
        writer.Open("catch");
        writer.Line("throw;");
        writer.Close();
        writer.Line("B();");
        writer.Close();

        Assert.Equal("void M()\n{\n    try\n    {\n        A();\n    }\n    catch\n    {\n        throw;\n    }\n\n    B();\n}\n", writer.Finish());
    }

    [Fact]
    public void A_blank_line_before_a_closing_brace_is_dropped_and_one_at_the_end_is_kept()
    {
        var writer = new SourceWriter();
        writer.Open("class C");
        writer.Line("int x;");
        writer.Line();
        writer.Close();
        writer.Line();

        Assert.Equal("class C\n{\n    int x;\n}\n\n", writer.ToString());
        writer.Line("// more");
        Assert.Equal("class C\n{\n    int x;\n}\n\n// more\n", writer.Finish());
    }

    [Fact]
    public void A_template_is_written_line_by_line_with_the_current_indentation()
    {
        var writer = new SourceWriter();
        writer.Open("class C");
        writer.Lines("int A;   \r\nint B;\n\nint C;");
        writer.Close();

        Assert.Equal("class C\n{\n    int A;\n    int B;\n\n    int C;\n}\n", writer.Finish());
    }

    [Fact]
    public void The_next_writer_on_the_thread_reuses_the_builder_and_starts_empty()
    {
        var first = new SourceWriter();
        first.Open("class First");
        first.Close();
        Assert.Equal("class First\n{\n}\n", first.Finish());

        var second = new SourceWriter();
        second.Line("class Second;");
        Assert.Equal("class Second;\n", second.Finish());
    }

    [Fact]
    public void A_finished_writer_cannot_be_written_to()
    {
        var writer = new SourceWriter();
        writer.Line("x");
        writer.Finish();

        Assert.Throws<InvalidOperationException>(() => writer.Line("y"));
    }

    [Fact]
    public void Writers_nested_in_one_another_do_not_share_text()
    {
        var outer = new SourceWriter();
        outer.Line("outer();");
        var inner = new SourceWriter();
        inner.Line("inner();");
        Assert.Equal("inner();\n", inner.Finish());
        outer.Line("after();");

        Assert.Equal("outer();\nafter();\n", outer.Finish());
    }
}
