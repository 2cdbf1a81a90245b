using System.Linq.Expressions;
using FastExpressionCompiler;

namespace Scrubber.Core.Packs.Sandbox;

/// <summary>An expression tree the sandbox accepted, and the inputs it reads: the tree that runs is the tree that was
/// checked, never a second parse of the same text.</summary>
/// <remarks>The expression parser caches the text of number literals for a while and widens a literal by re-reading
/// that text when it still has it, or by a conversion node when it does not, so two parses of one expression can
/// differ; compiling the checked tree takes that question away.</remarks>
internal sealed record CheckedExpression(Expression Body, ParameterExpression[] Inputs)
{
    /// <summary>Compiles the tree as RulesEngine compiles a rule: a delegate over the inputs as an object array, in
    /// the order of <see cref="PackCompiler.Arguments"/>, built with FastExpressionCompiler (ReSettings'
    /// UseFastExpressionCompiler, on by default).</summary>
    public Func<object?[], bool> Compile()
    {
        var arguments = Expression.Parameter(typeof(object[]), "args");
        var assignments = Inputs.Select((input, i) =>
            (Expression)Expression.Assign(input, Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), input.Type)));
        var body = Expression.Block(Inputs, assignments.Append(Body));
        return Expression.Lambda<Func<object?[], bool>>(body, arguments).CompileFast();
    }
}
