#include "checker/cli/Commands.hpp"

#include "checker/cli/ScenarioRunner.hpp"
#include "checker/scenario/InputError.hpp"

#include <iostream>

namespace checker::cli {

ExitCode validateCommand(const ValidateArgs& args)
{
    bool allValid = true;
    for (const std::string& file : args.files) {
        try {
            loadScenarioFile(file, loadOptions({}));
            std::cout << "OK " << file << "\n";
        } catch (const InputError& error) {
            std::cout.flush();
            std::cerr << error.what() << "\n";
            allValid = false;
        }
    }
    std::cout.flush();
    return allValid ? ExitCode::Clean : ExitCode::Usage;
}

}  // namespace checker::cli
